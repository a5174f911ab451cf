<#ftl output_format="plainText">
${msg("lanyardTemporaryPinBody", temporaryPin, realmName)}
