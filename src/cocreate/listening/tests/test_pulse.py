from django_scopes import scope

from cocreate.conftest import client_for
from cocreate.listening.models import StaffPulse


def test_staff_answer_the_pulse_on_its_page(acme):
    response = client_for(acme.staff).post(
        "/o/acme/listening/pulse/", {"satisfaction": "4", "enps": "9"}
    )

    with scope(organisation=acme.organisation):
        assert list(StaffPulse.objects.values_list("staff_id", "satisfaction", "enps")) == [
            (acme.staff.pk, 4, 9)
        ]
    assert response.status_code == 302


def test_an_empty_pulse_is_refused(acme):
    response = client_for(acme.staff).post("/o/acme/listening/pulse/", {})

    assert response.status_code == 422
    assert "Answer at least one of the two questions." in response.content.decode()


def test_customers_have_no_pulse(acme):
    assert client_for(acme.customer).get("/o/acme/listening/pulse/").status_code == 403
