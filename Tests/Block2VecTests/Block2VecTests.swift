// Block2VecTests
