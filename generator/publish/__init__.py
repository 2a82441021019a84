"""Stage 5 — what the site serves beside pages: feeds, calendars and the truce chart."""
