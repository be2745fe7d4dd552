"""The site-wide numbers (numbers), the charts drawn from them (charts, drawn with drawing), the stats page
(views) and the back hug of the day (daily)."""
