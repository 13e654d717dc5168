"""Replies out: rendering templates, building messages, the persistent outbox and sending.

- ``render``: ``Renderer(templates_dir, tz).render(kind, language, **context) -> Rendered``
- ``message``: ``build_reply(...) -> EmailMessage`` with a fresh Message-ID, thread and loop headers
- ``compose``: ``Composer``, the two above for one conversation's reply (what ``booking`` calls)
- ``sender``: ``SmtpSender`` (aiosmtplib) and ``OutboxWorker`` (due rows → sent / failed)

Import the module you need; this package imports nothing, so that ``mailbot parse`` loads no SMTP.
"""
