"""
The site's own settings for bench/load.py's server, with two additions for the benchmark: a bare Django view at
/bench/bare/ (the yardstick every figure is a ratio to, served by the same server through the same middleware),
and vote rate limits no fan could reach by hand, so 32 fans can vote as fast as the server lets them.
"""

from tropedb.settings import *  # noqa: F403
from tropedb.settings import RATE_LIMITS

ROOT_URLCONF = "bench.server_urls"
RATE_LIMITS = {**RATE_LIMITS, "vote": {"user": (10**9, 60), "address": (10**9, 60)}}
