// NBTTests
