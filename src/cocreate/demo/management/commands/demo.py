from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cocreate.demo import people
from cocreate.demo.agenda import load_agenda
from cocreate.demo.ideas import load_ideas
from cocreate.demo.listening import load_listening
from cocreate.demo.messaging import load_messaging
from cocreate.demo.offerings import load_offerings
from cocreate.demo.ratings import load_ratings
from cocreate.organisations.models import Organisation

PLURALS = {
    "organiser": "organisers",
    "staff": "staff",
    "partner": "partners",
    "customer": "customers",
}


class Command(BaseCommand):
    help = "Load the demo organisation, the CX Un-conference, and print its logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Same seed, same people.")
        parser.add_argument("--customers", type=int, default=300)
        parser.add_argument("--reset", action="store_true", help="Delete and load it again.")

    def handle(self, *args: Any, seed: int, customers: int, reset: bool, **options: Any) -> None:
        if customers < 1:
            self.stderr.write("--customers must be at least 1.")
            raise SystemExit(2)
        if reset:
            people.remove_demo()
        if people.demo_exists():
            self.stdout.write("The demo organisation is already loaded (use --reset to reload).")
        else:
            counts = people.load_demo(seed=seed, customers=customers)
            organisation = Organisation.objects.get(slug=people.SLUG)
            load_messaging(organisation)
            load_offerings(organisation, seed=seed)
            load_ideas(organisation, seed=seed)
            load_listening(organisation, seed=seed)
            load_agenda(organisation, seed=seed)
            load_ratings(organisation, seed=seed)
            summary = ", ".join(f"{n} {PLURALS[role]}" for role, n in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Loaded the CX Un-conference: {summary}."))
        self.stdout.write(f"\nDemo logins (password for all: {people.DEMO_PASSWORD})\n")
        for role, email in people.LOGINS:
            self.stdout.write(f"  {role:<10} {email}")
