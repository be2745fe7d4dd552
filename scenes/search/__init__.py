"""
Text search over the catalogue: how text is normalised (text) and Hangul romanised (romanise), what is indexed
and how each database indexes it (index, kept current by signals), the ranking (ranking), the kept rankings
(cache), suggestions as a reader types (suggestions), the drama a typed title means and "did you mean"
(dramas), and the searches that found nothing (misses).
"""
