"""The unit information tab."""
