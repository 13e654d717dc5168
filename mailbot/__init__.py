"""mailbot: the booking mailbox's assistant for work supervision (työnohjaus)."""

__version__ = "0.1.0"
