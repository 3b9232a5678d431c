namespace PSC8.Server.Model;

/// <summary>The error numbers C8 Local uses, with GDN's (ArangoDB's) numbers and HTTP statuses.</summary>
public static class C8Errors
{
    public const int BadParameter = 10;
    public const int Forbidden = 11;
    public const int NotImplemented = 9;
    public const int ResourceLimit = 32;
    public const int HttpBadRequest = 400;
    public const int HttpNotFound = 404;
    public const int HttpMethodNotAllowed = 405;
    public const int HttpRequestTooLarge = 413;
    public const int CorruptedJsonNum = 600;
    public const int Conflict = 1200;
    public const int DocumentNotFoundNum = 1202;
    public const int CollectionNotFoundNum = 1203;
    public const int DuplicateName = 1207;
    public const int IllegalCollectionName = 1208;
    public const int UniqueConstraintViolated = 1210;
    public const int IndexNotFound = 1212;
    public const int IllegalDocumentKey = 1221;
    public const int InvalidDocumentType = 1227;
    public const int DatabaseNotFoundNum = 1228;
    public const int IllegalDatabaseName = 1229;
    public const int OnlySystemDatabase = 1230;
    public const int InvalidEdgeAttribute = 1233;
    public const int QueryKilled = 1500;
    public const int QueryParse = 1501;
    public const int QueryEmpty = 1502;
    public const int QueryFunctionNameUnknown = 1540;
    public const int QueryFunctionArgumentCount = 1541;
    public const int QueryBindParameterMissing = 1551;
    public const int QueryBindParameterUndeclared = 1552;
    public const int QueryBindParameterType = 1553;
    public const int QueryDivisionByZero = 1562;
    public const int QueryMultiModify = 1573;
    public const int QueryAccessAfterModification = 1579;
    public const int QueryNotFound = 1591;
    public const int CursorNotFoundNum = 1600;
    public const int DuplicateUser = 1702;
    public const int UserNotFound = 1703;
    public const int DuplicateEmail = 100012;
    public const int InvalidApiKeyId = 100015;
    public const int InvalidApiKeyIdentifier = 100020;
    public const int KeyValueCollectionNotFound = 101000;
    public const int DatacenterNotFound = 102024;
    public const int SpotRegionUnreachable = 503;

    public static C8Exception CorruptedJson(string detail) =>
        new(400, CorruptedJsonNum, $"invalid JSON: {detail}");

    public static C8Exception NestedTooDeep(int limit) =>
        new(400, CorruptedJsonNum, $"invalid JSON: the value nests arrays and objects deeper than {limit} levels, which C8 Local neither reads nor writes");

    public static C8Exception BadRequest(string message) => new(400, BadParameter, message);

    public static C8Exception DocumentNotFound() => new(404, DocumentNotFoundNum, "document not found");

    public static C8Exception CollectionNotFound(string name) =>
        new(404, CollectionNotFoundNum, $"collection or view not found: {name}");

    public static C8Exception DatabaseNotFound(string name) =>
        new(404, DatabaseNotFoundNum, $"database not found: {name}");

    public static C8Exception UniqueConstraint(string collection) =>
        new(409, UniqueConstraintViolated,
            $"unique constraint violated - the _key is already used in collection '{collection}'");

    public static C8Exception IllegalKey(string detail = "illegal document key") =>
        new(400, IllegalDocumentKey, detail);

    public static C8Exception InvalidDocument(string detail = "invalid document type") =>
        new(400, InvalidDocumentType, detail);

    public static C8Exception Precondition(string message = "precondition failed", C8Object? current = null) =>
        new(412, Conflict, message, current);
}
