import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Render
import XCTest

/// Parses SVG text as XML and collects element names, attributes and text.
private final class SVGParse: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current = ""

    static func parse(_ svg: String) throws -> SVGParse {
        let collector = SVGParse()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw NSError(domain: "SVGParse", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "not XML: \(parser.parserError.map { "\($0)" } ?? "?")"])
        }
        return collector
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes)); current = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !current.isEmpty { texts.append(current) }
        current = ""
    }
}

final class SVGPlotTests: XCTestCase {
    func testLineChartHasOnePolylinePerSeriesAndLegendEntries() throws {
        var chart = SVGLineChart(title: "scale 0 <losses>", xLabel: "iteration", yLabel: "loss")
        chart.add("errD", points: (0..<50).map { SVGPoint(x: Double($0), y: sin(Double($0) / 5)) })
        chart.add("errG & rec", points: (0..<50).map { SVGPoint(x: Double($0), y: cos(Double($0) / 5)) })
        let svg = try SVGParse.parse(chart.svg())
        XCTAssertEqual(svg.count("svg"), 1)
        XCTAssertEqual(svg.count("polyline"), 2)
        XCTAssertTrue(svg.texts.contains("errG & rec"))
        XCTAssertTrue(svg.texts.contains("scale 0 <losses>"))
        let points = try XCTUnwrap(svg.elements.first { $0.name == "polyline" }?.attributes["points"])
        XCTAssertEqual(points.split(separator: " ").count, 50)
        XCTAssertTrue(svg.texts.contains("iteration"))
        XCTAssertGreaterThanOrEqual(svg.texts.filter { Double($0) != nil }.count, 6)  // numeric tick labels
    }

    func testLogYChartDropsNonPositivePointsAndTicksAtPowersOfTen() throws {
        var chart = SVGLineChart(title: "rec", xLabel: "it", yLabel: "mse", logY: true)
        chart.add("rec", points: [SVGPoint(x: 0, y: 120), SVGPoint(x: 1, y: 0), SVGPoint(x: 2, y: 3.5), SVGPoint(x: 3, y: 0.02)])
        let svg = try SVGParse.parse(chart.svg())
        let points = try XCTUnwrap(svg.elements.first { $0.name == "polyline" }?.attributes["points"])
        XCTAssertEqual(points.split(separator: " ").count, 3)
        for tick in ["0.01", "0.1", "1", "10", "100", "1000"] { XCTAssertTrue(svg.texts.contains(tick), tick) }
    }

    func testScatterPlotLabelsEveryPointWithEscapedNames() throws {
        let names = ["minecraft:stone", "minecraft:oak_stairs[facing=east,half=\"bottom\"]", "a<b>&c"]
        let plot = SVGScatterPlot(title: "block2vec", points: names.enumerated().map {
            SVGScatterPlot.Point(x: Double($0.offset), y: Double($0.offset * $0.offset), label: $0.element)
        })
        let svg = try SVGParse.parse(plot.svg())
        XCTAssertEqual(svg.count("circle"), 3)
        for name in names { XCTAssertTrue(svg.texts.contains(name), name) }
    }

    func testHeatMapHasOneCellPerEntryAndLabelsOnBothAxes() throws {
        let labels = ["stone", "dirt", "grass_block", "water"]
        let values = labels.indices.map { r in labels.indices.map { c in Double(abs(r - c)) } }
        let svg = try SVGParse.parse(SVGHeatMap(title: "distances", labels: labels, values: values).svg())
        XCTAssertEqual(svg.count("rect"), 16 + 1)  // cells + background
        for label in labels { XCTAssertEqual(svg.texts.filter { $0 == label }.count, 2, label) }
        let fills = Set(svg.elements.filter { $0.name == "rect" }.compactMap { $0.attributes["fill"] })
        XCTAssertTrue(fills.contains("#281e64"))  // the smallest value (0, the diagonal)
        XCTAssertTrue(fills.contains("#fae628"))  // the largest (3)
    }

    func testControlCharactersInLabelsStillGiveWellFormedXML() throws {
        let plot = SVGScatterPlot(title: "odd\u{1}title", points: [SVGScatterPlot.Point(x: 0, y: 0, label: "tab\there\u{7}")])
        XCTAssertNoThrow(try SVGParse.parse(plot.svg()))
    }
}
