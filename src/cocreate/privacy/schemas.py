from pydantic import ConfigDict, Field

from cocreate.core.schemas import InputSchema


class EraseIn(InputSchema):
    confirm: str = Field(max_length=254, description="Your email address, to confirm.")

    model_config = ConfigDict(json_schema_extra={"examples": [{"confirm": "ada@example.org"}]})
