import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("offerings", "0002_sessions_contact_profile_steps"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="offering",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agenda",
                to="offerings.offering",
            ),
        ),
        migrations.AddField(
            model_name="proposal",
            name="option",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="session",
                to="offerings.option",
            ),
        ),
    ]
