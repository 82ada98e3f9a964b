"""The Processing provider and one module per algorithm (thin: parameters, checks, calls into algorithms/)."""
