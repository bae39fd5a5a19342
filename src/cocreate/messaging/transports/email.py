import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from cocreate.messaging.models import Message
from cocreate.messaging.transports import Outcome


def send(message: Message) -> Outcome:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.address],
        # The same Message-ID on every attempt lets mail systems recognise a repeat.
        headers={"Message-ID": f"<{message.idempotency_key}@cocreate>"},
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    try:
        get_connection(fail_silently=False).send_messages([email])
    except smtplib.SMTPRecipientsRefused as error:
        return Outcome(delivered=False, permanent=True, detail=f"Address refused: {error}")
    except smtplib.SMTPResponseException as error:
        permanent = 500 <= error.smtp_code < 600
        return Outcome(delivered=False, permanent=permanent, detail=f"SMTP {error.smtp_code}")
    except (OSError, smtplib.SMTPException) as error:
        return Outcome(delivered=False, detail=f"{type(error).__name__}: {error}")
    return Outcome(delivered=True, detail="Accepted by the mail server.")
