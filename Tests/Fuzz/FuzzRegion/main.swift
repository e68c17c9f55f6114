// Hands control to libFuzzer's driver with our harness as the callback. SwiftPM renames an
// executable's `main`, so the harness cannot rely on libFuzzer's own `main`; the driver entry
// point `LLVMFuzzerRunDriver` (libFuzzer's documented API) does the same job.
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzRegion(data, size) })
