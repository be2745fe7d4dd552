"""
The reader's catalogue: its pages (views), the filters and facets of /scenes/, scene cards, the trope
guide, drama and actor profiles, feeds and sitemaps. Reads only: writes go through the services of
submissions/, moderation/ and community/.
"""
