"""Services: no Telegram types inside. Each has a narrow interface the flows call."""
