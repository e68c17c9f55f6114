// TensorTests
