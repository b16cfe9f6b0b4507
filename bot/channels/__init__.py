"""Ways to talk to the Application without Telegram's servers: the local chat."""
