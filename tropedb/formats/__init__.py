"""
Dates as each of the site's languages writes them (FORMAT_MODULE_PATH): templates name a format
(``|date:"DATE_FORMAT"``) rather than spelling one out, so a Korean reader reads "2024년 3월 5일" where an English
one reads "5 Mar 2024". Formats not given here come from Django's own locale files.
"""
