"""
Mail goes out through the task queue: a request never waits for a mail server, and a refused or timed-out send
is retried by the worker.

QueuedEmailBackend (settings.EMAIL_BACKEND) queues each message; the ``send_email`` task sends it through
settings.QUEUED_EMAIL_BACKEND (SMTP, the console, ...). Each message keeps one Message-ID however often it is
tried, and a message already sent is not sent again when its task is delivered twice.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid

from tropedb.celery import app

SENT_KEY = "mail:sent:{message_id}"
SENT_REMEMBERED_SECONDS = 7 * 24 * 3600


class QueuedEmailBackend(BaseEmailBackend):
    """Queue every message for the ``send_email`` task instead of sending it in the request."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            send_email.enqueue(as_payload(message))
        return len(email_messages)


def as_payload(message) -> dict:
    """A message as JSON-ready values (attachments are not part of the site's mail)."""
    headers = dict(message.extra_headers)
    headers.setdefault("Message-ID", make_msgid())
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


@app.task
def send_email(payload: dict) -> bool:
    """Send one queued message, unless a delivery of this task sent it already; whether it was sent now."""
    key = SENT_KEY.format(message_id=payload["headers"]["Message-ID"])
    if cache.get(key):
        return False
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=get_connection(settings.QUEUED_EMAIL_BACKEND, fail_silently=False),
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    message.send()
    cache.set(key, True, timeout=SENT_REMEMBERED_SECONDS)
    return True
