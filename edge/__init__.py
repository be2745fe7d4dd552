"""
The site's edge: what happens to a request around the views rather than in them (the load balancer's health
check now; response caching, HTTP caching headers, security headers and metrics belong here too). It knows
URLs and responses, not the catalogue: it imports no app but through the hooks the apps give it.
"""
