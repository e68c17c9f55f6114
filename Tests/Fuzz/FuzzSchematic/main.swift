// libFuzzer entry: see FuzzDriver.
import FuzzDriver

runLibFuzzer { data, size in fuzzSchematic(data, size) }
