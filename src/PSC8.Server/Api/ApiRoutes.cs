using PSC8.Server.Http;

namespace PSC8.Server.Api;

/// <summary>Every endpoint C8 Local serves, registered once. Literal routes come before parameterised ones.</summary>
public static class ApiRoutes
{
    public static Router Build()
    {
        var router = new Router();
        AuthApi.Map(router);
        DatacenterApi.Map(router);
        FabricApi.Map(router);
        CollectionApi.Map(router);
        DocumentApi.Map(router);
        ImportExportApi.Map(router);
        CursorApi.Map(router);
        RestqlApi.Map(router);
        KeyApi.Map(router);
        UserApi.Map(router);
        AdminApi.Map(router);
        return router;
    }
}
