import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("agenda", "0003_events_become_offerings")]

    operations = [
        migrations.RemoveConstraint(model_name="event", name="unique_event_slug"),
        migrations.RemoveField(model_name="event", name="description"),
        migrations.RemoveField(model_name="event", name="name"),
        migrations.RemoveField(model_name="event", name="slug"),
        migrations.AlterField(
            model_name="event",
            name="offering",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agenda",
                to="offerings.offering",
            ),
        ),
        migrations.DeleteModel(name="CalendarFeed"),
        migrations.DeleteModel(name="Interest"),
        migrations.DeleteModel(name="PersonalAgenda"),
    ]
