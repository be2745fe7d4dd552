"""
Fill in deploy/nginx/tropedb.conf.template, for a server (the site file alone) or for a test or bench run (a
whole nginx.conf that runs as any user, with its pid, logs and temporary files in one directory).

    python deploy/nginx/render.py --listen 80 --server-name tropedb.example --upstream 127.0.0.1:8000 \\
        --static-root /srv/tropedb/staticfiles --media-root /srv/tropedb/media \\
        --cache-path /var/cache/nginx/tropedb > /etc/nginx/sites-enabled/tropedb
    python deploy/nginx/render.py --standalone /tmp/nginx-run ...   # writes /tmp/nginx-run/nginx.conf
    nginx -p /tmp/nginx-run -c nginx.conf                             # then: nginx -p ... -s quit
"""

import argparse
import os
import string
from pathlib import Path

TEMPLATE = Path(__file__).resolve().with_name("tropedb.conf.template")

STANDALONE = """\
{user}worker_processes {workers};
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {access_log};
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
{site}
}}
"""


def site(*, listen: str, server_name: str, upstreams: list[str], static_root: str, media_root: str, cache_path: str):
    """The site file: the template with its ${TROPEDB_*} names filled in (nginx's own $variables left alone)."""
    values = {
        "TROPEDB_LISTEN": listen,
        "TROPEDB_SERVER_NAME": server_name,
        "TROPEDB_UPSTREAM": " ".join(f"server {address};" for address in upstreams),
        "TROPEDB_STATIC_ROOT": str(static_root).rstrip("/"),
        "TROPEDB_MEDIA_ROOT": str(media_root).rstrip("/"),
        "TROPEDB_CACHE_PATH": str(cache_path),
    }
    return string.Template(TEMPLATE.read_text()).safe_substitute(values)


def standalone(directory: Path, *, workers: int = 1, access_log: bool = False, **site_values) -> Path:
    """A whole nginx.conf in ``directory`` (created) around the site file; returns its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    text = STANDALONE.format(
        # Started by root (CI), the workers would run as nobody, who cannot read a test's private directories.
        user="user root;\n" if os.geteuid() == 0 else "",
        workers=workers,
        directory=directory,
        access_log=f"{directory}/access.log" if access_log else "off",
        site=site(**site_values),
    )
    config = directory / "nginx.conf"
    config.write_text(text)
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", default="80")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--upstream", action="append", help="an app server, host:port (repeat for several)")
    parser.add_argument("--static-root", required=True)
    parser.add_argument("--media-root", required=True)
    parser.add_argument("--cache-path", required=True)
    parser.add_argument("--standalone", metavar="DIRECTORY", help="write DIRECTORY/nginx.conf for nginx -p DIRECTORY")
    parser.add_argument("--workers", type=int, default=1)
    options = parser.parse_args()
    values = {
        "listen": options.listen,
        "server_name": options.server_name,
        "upstreams": options.upstream or ["127.0.0.1:8000"],
        "static_root": options.static_root,
        "media_root": options.media_root,
        "cache_path": options.cache_path,
    }
    if options.standalone:
        print(standalone(Path(options.standalone), workers=options.workers, **values))
    else:
        print(site(**values))


if __name__ == "__main__":
    main()
