import Foundation

/// A per-element function of one float, as a type so generic loops specialise and inline it.
protocol UnaryKernel: Sendable {
    func callAsFunction(_ x: Float) -> Float
}

/// A per-element function of two floats, as a type so generic loops specialise and inline it.
protocol BinaryKernel: Sendable {
    func callAsFunction(_ a: Float, _ b: Float) -> Float
}

struct Scale: UnaryKernel {
    let factor: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x * factor }
}

struct Shift: UnaryKernel {
    let offset: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x + offset }
}

struct SquareRoot: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x.squareRoot() }
}

struct Exponential: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.exp(x) }
}

struct Logarithm: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log(x) }
}

/// LeakyReLU's derivative: 1 where x > 0, else the slope.
struct LeakyMask: UnaryKernel {
    let slope: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 ? 1 : slope }
}

struct Add: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a + b }
}

struct Subtract: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a - b }
}

struct Multiply: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a * b }
}

struct Divide: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a / b }
}
