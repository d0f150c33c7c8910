"""pytest plugin: a real local SMTP server (aiosmtpd) for email tests. Filled in by notifications work."""
