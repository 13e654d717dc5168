"""Booking: free-slot search and (later) the conversation state machine."""
