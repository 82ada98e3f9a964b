"""The registry dock panel and its dialogs (Qt widgets; talks to registry/ only through its API)."""
