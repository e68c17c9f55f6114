// Every module draws from the one seeded generator.
@_exported import SeededRandom
