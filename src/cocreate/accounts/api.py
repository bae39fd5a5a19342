"""The caller's own account: who they are, how to reach them, their API tokens."""

from ninja import Router, Status
from ninja.pagination import paginate
from ninja.security import HttpBearer

from cocreate.accounts import selectors, services
from cocreate.accounts.models import ApiToken, User
from cocreate.accounts.schemas import AccountIn, MeOut, TokenCreatedOut, TokenIn, TokenOut
from cocreate.accounts.typing import AuthedRequest
from cocreate.core.access import personal_operation

router = Router(tags=["Me"])


class ApiTokenAuth(HttpBearer):
    """Authorization: Bearer <personal API token>."""

    def authenticate(self, request: AuthedRequest, token: str) -> User | None:  # type: ignore[override]
        user = services.api_token_user(token)
        if user is not None:
            request.user = user
        return user


def _me(user: User) -> dict[str, object]:
    return {
        "id": user.pk,
        "email": user.email,
        "name": user.name,
        "contact": selectors.contact_preferences(user),
    }


@router.get("/me", response=MeOut)
@personal_operation
def get_me(request: AuthedRequest) -> dict[str, object]:
    return _me(request.user)


@router.put("/me", response=MeOut)
@personal_operation
def put_me(request: AuthedRequest, payload: AccountIn) -> dict[str, object]:
    services.account_update(user=request.user, **payload.model_dump())
    return _me(request.user)


@router.get("/me/tokens", response=list[TokenOut])
@personal_operation
@paginate
def list_tokens(request: AuthedRequest) -> object:
    return selectors.api_tokens(request.user)


@router.post("/me/tokens", response={201: TokenCreatedOut})
@personal_operation
def create_token(request: AuthedRequest, payload: TokenIn) -> Status[ApiToken]:
    token, text = services.api_token_create(user=request.user, name=payload.name)
    token.token = text  # type: ignore[attr-defined]
    return Status(201, token)


@router.delete("/me/tokens/{token_id}", response={204: None})
@personal_operation
def revoke_token(request: AuthedRequest, token_id: int) -> Status[None]:
    services.api_token_revoke(user=request.user, token_id=token_id)
    return Status(204, None)
