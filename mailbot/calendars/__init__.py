"""Supervisors' calendars: one module per kind, chosen by configuration (see ``base.py``)."""

from mailbot.calendars.base import Appointment, CalendarError, CalendarSource, Interval

__all__ = ["Appointment", "CalendarError", "CalendarSource", "Interval"]
