namespace PSC8.Server.Api;

/// <summary>Every endpoint C8 Local serves, registered once. Literal routes come before parameterised ones.</summary>
internal static class ApiRoutes
{
    public static Router Build()
    {
        var router = new Router();
        AuthEndpoints.Map(router);
        DatacenterEndpoints.Map(router);
        FabricEndpoints.Map(router);
        CollectionEndpoints.Map(router);
        DocumentEndpoints.Map(router);
        KeyValueEndpoints.Map(router);
        IndexEndpoints.Map(router);
        ImportExportEndpoints.Map(router);
        CursorEndpoints.Map(router);
        QueryEndpoints.Map(router);
        RestqlEndpoints.Map(router);
        KeyEndpoints.Map(router);
        UserEndpoints.Map(router);
        AdminEndpoints.Map(router);
        VersionEndpoints.Map(router);
        return router;
    }
}
