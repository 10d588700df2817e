"""帮助: the built-in guide for a first-time clerk and 关于."""
