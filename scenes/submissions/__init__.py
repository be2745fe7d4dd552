"""
What fans send in: a scene with its screenshots, edits of their scenes, proposed dramas. The forms and pages
(forms, views), the rules (services) and the screenshots' processing (images, image_fields).
"""
