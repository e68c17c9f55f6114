// libFuzzer entry: see FuzzDriver.
import FuzzDriver

runLibFuzzer { data, size in fuzzRegion(data, size) }
