from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A member of staff. There is no self sign-up: administrators create users.

    Defined from the first migration so that agencies and roles can be added later
    without swapping the user model.
    """
