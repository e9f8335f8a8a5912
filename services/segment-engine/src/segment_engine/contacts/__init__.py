"""Contacts: the audience projection of the Contact Management module, with consent."""
