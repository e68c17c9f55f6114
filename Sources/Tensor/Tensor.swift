// The Tensor module. See DESIGN: one job per target.
