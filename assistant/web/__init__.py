"""Static files of the web client (served by assistant/api/routes/web.py); a package so that they are installed."""
