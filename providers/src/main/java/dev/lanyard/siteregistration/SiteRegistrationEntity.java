package dev.lanyard.siteregistration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A person's registration to a site (seed 000 "Site Registration Workflow") with the site's own attributes.
 * Kept in Lanyard's table rather than as user attributes: a site's data is read and written through its own row
 * only (one per person and site, a unique key), never shown by the user profile, Keycloak's attribute mappers or
 * another site's token, and "who is registered to these sites" is an indexed query, not an attribute search.
 */
@Entity
@Table(name = "LANYARD_SITE_REGISTRATION")
@NamedQueries({
        @NamedQuery(name = "lanyardSiteRegistration",
                query = "select r from SiteRegistrationEntity r where r.realmId = :realmId and r.userId = :userId and r.siteId = :siteId"),
        @NamedQuery(name = "lanyardSiteRegistrationsOfUser",
                query = "select r from SiteRegistrationEntity r where r.realmId = :realmId and r.userId = :userId order by r.createdAt"),
        @NamedQuery(name = "lanyardPeopleOfSites",
                query = "select distinct r.userId from SiteRegistrationEntity r where r.realmId = :realmId and r.siteId in :siteIds order by r.userId"),
        @NamedQuery(name = "lanyardDeleteSiteRegistrationsOfUser",
                query = "delete from SiteRegistrationEntity r where r.realmId = :realmId and r.userId = :userId"),
        @NamedQuery(name = "lanyardDeleteSiteRegistrationsOfSite",
                query = "delete from SiteRegistrationEntity r where r.realmId = :realmId and r.siteId = :siteId"),
        @NamedQuery(name = "lanyardDeleteSiteRegistrationsOfRealm", query = "delete from SiteRegistrationEntity r where r.realmId = :realmId")
})
public class SiteRegistrationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The site's client: its internal id, which survives a rename of its clientId. */
    @Column(name = "SITE_ID", length = 36, nullable = false)
    private String siteId;

    /** The site's attributes, a JSON object of strings. */
    @Column(name = "ATTRIBUTES")
    private String attributes;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getAttributes() {
        return attributes;
    }

    public void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
