// The Block2Vec module. See DESIGN: one job per target.
