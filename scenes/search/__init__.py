"""
Text search over the catalogue: how text is normalised (text), what is indexed and how each database
indexes it (index, kept current by signals), the ranking (ranking), the kept rankings (cache),
suggestions as a reader types (suggestions) and the searches that found nothing (misses).
"""
