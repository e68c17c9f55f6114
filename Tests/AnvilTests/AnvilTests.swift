// AnvilTests
