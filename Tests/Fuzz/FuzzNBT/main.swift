// libFuzzer entry: see FuzzDriver.
import FuzzDriver

runLibFuzzer { data, size in fuzzNBT(data, size) }
