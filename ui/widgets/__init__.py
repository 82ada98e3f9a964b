"""Small reusable widgets of the registry dock."""
