// The Render module. See DESIGN: one job per target.
