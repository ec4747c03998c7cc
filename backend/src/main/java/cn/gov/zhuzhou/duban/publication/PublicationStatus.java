package cn.gov.zhuzhou.duban.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DRAFT while the office edits the prose; PUBLISHED frozen; SUPERSEDED when a published correction replaced it. */
@Schema(name = "PublicationStatus")
public enum PublicationStatus {
    DRAFT,
    PUBLISHED,
    SUPERSEDED
}
